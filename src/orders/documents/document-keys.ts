/** Quarantine: one object per upload, so two uploads of one order never overwrite each other. */
export function quarantineKey(orderId: string, documentId: string): string {
  return `orders/${orderId}/${documentId}.pdf`;
}

/** Documents bucket: deterministic by content, so a repeated promotion writes the same object. */
export function documentKey(laoCode: string, orderId: string, sha256: string): string {
  return `${laoCode}/orders/${orderId}/${sha256}.pdf`;
}
