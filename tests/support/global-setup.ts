// placeholder, replaced by the foundation work
export default async function setup() {}
