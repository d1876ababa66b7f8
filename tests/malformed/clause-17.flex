expire
