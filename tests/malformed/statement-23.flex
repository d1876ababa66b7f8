expect error: 
