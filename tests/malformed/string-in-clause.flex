customer create email "a@b.co name "x"
