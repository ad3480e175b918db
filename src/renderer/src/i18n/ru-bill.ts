// Russian texts of the monthly bill (квитанция / ЕПД) on the account card: the month, the
// preview, printing and saving as PDF.
export const bill = {
  open: 'Квитанция',
  openHint: 'Квитанция за месяц: просмотр, печать, PDF',
  title: 'Квитанция за месяц',
  month: 'Месяц квитанции',
  monthsLoading: 'Ищем месяцы с начислениями',
  loading: 'Квитанция формируется',
  preview: 'Предварительный просмотр квитанции за {period}',
  noCharges: 'За последние три года начислений по счёту нет: квитанцию сформировать не из чего.',
  hint: 'Квитанция печатается на листе A4. QR-код на ней оплачивает долг на конец месяца в приложении любого банка.',
  print: 'Печать',
  savePdf: 'Сохранить PDF',
  close: 'Закрыть',
  printed: 'Квитанция отправлена на печать.',
  saved: 'PDF готов: файл «{file}».',
  notReady: 'Предварительный просмотр ещё не готов: повторите.',
  pdfBrowser: 'В окне печати выберите принтер «Сохранить как PDF».',
  file: 'Квитанция_{number}_{period}.pdf',
}
