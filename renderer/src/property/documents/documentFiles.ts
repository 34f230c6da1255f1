/** A file the clerk chose, as the upload call wants it. */
export async function readFileAsBase64(file: Blob): Promise<string> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsDataURL(file)
  })
  // "data:<type>;base64,<payload>"
  return dataUrl.slice(dataUrl.indexOf(',') + 1)
}

/** The browser's idea of a file's type, in the form the schema accepts, or a neutral one. */
export function mimeTypeOf(file: { type: string }): string {
  const type = file.type.toLowerCase().split(';')[0]?.trim() ?? ''
  return /^[a-z]+\/[a-z0-9.+-]+$/.test(type) ? type : 'application/octet-stream'
}

export function base64ToBlob(base64: string, mimeType: string): Blob {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: mimeType })
}

/** Hands a blob to the browser (or Electron's download handler) under its own file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
