# A clause may appear only once.
customer create email "a@b.co" email "c@d.co"
# expect error: 2:32: duplicate clause 'email'
# expect exit: 2
