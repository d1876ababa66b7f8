customer create email "a@b.co" @
