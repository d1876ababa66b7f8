refund
