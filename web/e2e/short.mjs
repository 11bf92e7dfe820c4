export async function incidentKeep(){} export async function groupFull(){}
