// The menu the signed-in user may reach, given by the shell to the pages that list it (the home
// page's shortcuts), so that no page imports the route table that loads it.
import { createContext, useContext } from 'react';
import type { AppRoute } from './routes.tsx';

export const MenuContext = createContext<readonly AppRoute[]>([]);

export const useMenu = () => useContext(MenuContext);
