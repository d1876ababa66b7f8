customer create email "a@b.co" email "b@c.co"
