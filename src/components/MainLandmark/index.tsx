import { createContext, useContext, type ReactNode } from 'react';

const MainLandmarkContext = createContext(false);

/**
 * Asks the page's `@theme/Layout` (src/theme/Layout) to put its content in
 * a `<main>`: for a page component of another theme that renders the layout
 * itself without one (the search plugin's `SearchPage`).
 */
export function MainLandmark({ children }: { children: ReactNode }): ReactNode {
  return <MainLandmarkContext.Provider value={true}>{children}</MainLandmarkContext.Provider>;
}

/** Whether a `MainLandmark` above asks for a `<main>`. */
export function useMainLandmark(): boolean {
  return useContext(MainLandmarkContext);
}
