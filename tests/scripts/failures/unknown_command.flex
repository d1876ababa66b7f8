# An unknown command word after a known one is caught before running.
customer craete email "a@b.co"
# expect error: 2:1: unknown command 'customer craete'
# expect exit: 2
