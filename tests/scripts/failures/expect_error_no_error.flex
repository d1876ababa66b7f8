# expect error fails (exit 4) when the statement succeeds.
expect error: customer create email "fine@example.com"
# expect error: 2:15: expected an error, but the command succeeded
# expect exit: 4
