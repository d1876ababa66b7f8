pay
