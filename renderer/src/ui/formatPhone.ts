/** '+995599123456' -> '+995 599 12 34 56', as Georgian numbers are read out; anything else unchanged. */
export function formatPhone(phone: string): string {
  const m = /^\+995(\d{3})(\d{2})(\d{2})(\d{2})$/.exec(phone)
  return m ? `+995 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : phone
}
