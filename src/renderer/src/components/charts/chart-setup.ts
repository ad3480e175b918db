// Chart.js with only the pieces the desk draws (line, bar, pie), registered once. Loaded on
// first use, in a chunk of its own, so the desk's main bundle stays small.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Tooltip,
} from 'chart.js'

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Tooltip,
)

/** Text in charts: the page's own font, in the desk's dark grey. */
export function applyDeskFont(fontFamily: string): void {
  if (fontFamily) Chart.defaults.font.family = fontFamily
  Chart.defaults.color = 'rgba(0, 0, 0, 0.75)'
}

export { Chart }
