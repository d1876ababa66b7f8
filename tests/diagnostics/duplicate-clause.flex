# each clause at most once
customer create email "a@b.co" first_name "Ann" email "b@b.co"
