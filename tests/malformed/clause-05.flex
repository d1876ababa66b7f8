customers list limit
