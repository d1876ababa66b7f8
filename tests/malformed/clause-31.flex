charge customer
