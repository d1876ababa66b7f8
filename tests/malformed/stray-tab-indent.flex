	let x =
