// The application menu, in Russian. Edit and view roles keep the usual shortcuts working.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'

export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Файл',
      submenu: [{ role: 'quit', label: 'Выход' }],
    },
    {
      label: 'Правка',
      submenu: [
        { role: 'undo', label: 'Отменить' },
        { role: 'redo', label: 'Повторить' },
        { type: 'separator' },
        { role: 'cut', label: 'Вырезать' },
        { role: 'copy', label: 'Копировать' },
        { role: 'paste', label: 'Вставить' },
        { role: 'selectAll', label: 'Выделить всё' },
      ],
    },
    {
      label: 'Вид',
      submenu: [
        { role: 'reload', label: 'Обновить' },
        { type: 'separator' },
        { role: 'resetZoom', label: 'Обычный масштаб' },
        { role: 'zoomIn', label: 'Крупнее' },
        { role: 'zoomOut', label: 'Мельче' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Во весь экран' },
      ],
    },
    {
      label: 'Окно',
      submenu: [
        { role: 'minimize', label: 'Свернуть' },
        {
          label: 'Развернуть',
          click: () => {
            const win = getWindow()
            if (win?.isMaximized()) win.unmaximize()
            else win?.maximize()
          },
        },
      ],
    },
    {
      label: 'Справка',
      submenu: [{ role: 'about', label: 'О программе' }],
    },
  ]
  return Menu.buildFromTemplate(template)
}
