// The workstation's printers through main: printing a document, making its PDF, the printers
// installed. In browser mode main answers `browserDialog` and the screen prints through the browser.
import { defineStore } from 'pinia'
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract'
import { call } from '../api/client'

export const usePrintingStore = defineStore('printing', () => {
  function print(input: ChannelInput<'printing:print'>): Promise<ChannelOutput<'printing:print'>> {
    return call('printing:print', input)
  }

  function pdf(input: ChannelInput<'printing:pdf'>): Promise<ChannelOutput<'printing:pdf'>> {
    return call('printing:pdf', input)
  }

  function printers(): Promise<ChannelOutput<'printing:printers'>> {
    return call('printing:printers', {})
  }

  return { print, pdf, printers }
})
