# `expect error:` passes when the statement fails with any Flex error; `it` is then the error.
expect error: customer get fcus_doesnotexist
print it.code
print it.status
expect it.message != ""
expect keys(it) == ["code", "message", "status"]
print "still running"
# expect: customer_not_found
# expect: 404
# expect: still running
