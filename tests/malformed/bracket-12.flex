let x = ]
