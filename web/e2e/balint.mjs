export async function balint(){}
