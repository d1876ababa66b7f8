# Records keep their keys in the order written.
let r = {email: "a@b.co", count: 2}
print r
print {z: 1, a: 2, m: 3}
print {nested: {deep: [1, {x: "y"}]}, flag: false}
print {}
print r.email, r.count
expect r == {email: "a@b.co", count: 2}
expect r != {count: 2, email: "b@b.co"}
# expect: {email: "a@b.co", count: 2}
# expect: {z: 1, a: 2, m: 3}
# expect: {nested: {deep: [1, {x: "y"}]}, flag: false}
# expect: {}
# expect: a@b.co 2
