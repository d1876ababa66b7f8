# product create; eligibility words set hsa_fsa_eligibility (default not_eligible).
let plain = product create name "Mug"
print plain.name, plain.hsa_fsa_eligibility
print (product create name "Thermometer" eligible).hsa_fsa_eligibility
print (product create name "CPAP" lmn).hsa_fsa_eligibility
print (product create name "Candy" not_eligible).hsa_fsa_eligibility
print (product create name "Glasses" vision).hsa_fsa_eligibility
print (product create name "Store brand" private_label).hsa_fsa_eligibility
let described = product create name "Bandage" description "Sterile, 20 pack" upc "012345678905" eligible
print described.description, described.upc_code
expect described.product_id matches "^fprod_"
expect (product get described).name == "Bandage"
# expect: Mug not_eligible
# expect: auto_substantiation
# expect: letter_of_medical_necessity
# expect: not_eligible
# expect: vision
# expect: private_label
# expect: Sterile, 20 pack 012345678905
