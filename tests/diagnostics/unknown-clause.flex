# create a customer with a typo in a clause

customer create emial "a@b.co"
