customer create email "a" fields
