# fields takes a record
customer create email "a@b.co" fields "x"
