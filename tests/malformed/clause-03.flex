customer create name 5 email
