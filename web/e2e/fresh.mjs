export async function freshQuestioning(){}
