# `show` writes a readable multi-line view: one field per line for a record, a table for a
# list of records, one item per line for other lists.
show {name: "Ada", tags: ["x", "y"], address: {city: "Boston"}}
show [1, 2]
show [{sku: "A1", qty: 2}, {sku: "B22", qty: 10}]
show "plain text"
show 42
# expect: name: Ada
# expect: tags:
# expect:   - x
# expect:   - y
# expect: address:
# expect:   city: Boston
# expect: - 1
# expect: - 2
# expect: sku  qty
# expect: ---  ---
# expect: A1   2
# expect: B22  10
# expect: plain text
# expect: 42
