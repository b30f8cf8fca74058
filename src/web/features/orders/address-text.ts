/** An address in one line, as written on a delivery note: 上海市闵行区… 张海峰 139…. */
export function formatAddress(a: { province: string; city: string; district: string; detail: string; recipient?: string | null; phone?: string | null }): string {
  const region = a.city === a.province ? `${a.province}${a.district}` : `${a.province}${a.city}${a.district}`;
  return [`${region}${a.detail}`, a.recipient, a.phone].filter(Boolean).join(' ');
}
