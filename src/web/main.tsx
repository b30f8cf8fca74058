import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>跟单 Gendan</div>);
