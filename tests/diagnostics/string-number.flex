# an e-mail address is a string
customer create email 42
