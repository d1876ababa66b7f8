expect error
