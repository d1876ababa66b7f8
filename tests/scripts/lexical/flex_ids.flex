# Flex IDs are literals: a known prefix and an alphanumeric body.
print fcus_x
print fcs_01JV8Q9SPDQ6PSRSN85FXY924N
let ids = [fcus_abc, fprice_123, fpm_Z9]
print ids
print {customer: fcus_abc}
expect fcus_abc == fcus_abc
expect fcus_abc != fcus_abd
print "id: ${fprod_Widget1}"
# a word with a prefix-like start but no known prefix is a plain name
let fxyz_1 = 5
print fxyz_1
# expect: fcus_x
# expect: fcs_01JV8Q9SPDQ6PSRSN85FXY924N
# expect: [fcus_abc, fprice_123, fpm_Z9]
# expect: {customer: fcus_abc}
# expect: id: fprod_Widget1
# expect: 5
