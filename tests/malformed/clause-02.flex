customer create email
