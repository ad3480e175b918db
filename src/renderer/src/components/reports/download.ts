// Saving a file main made (base64) from the renderer: a Blob behind an <a download>, so browser
// mode and Electron both hand it to their usual download handling. Nothing reaches the network.
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function saveBase64File(fileName: string, base64: string, type: string): void {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own reference to the data once it started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
