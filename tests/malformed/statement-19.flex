if true { } else if { }
