# A misspelt clause is caught by the checker, with a suggestion.
customer create emial "a@b.co"
# expect error: 2:17: unknown clause 'emial' for 'customer create'
# expect exit: 2
