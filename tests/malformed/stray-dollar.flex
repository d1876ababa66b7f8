let x = $
