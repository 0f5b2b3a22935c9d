// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { selectedMenuKey } from './Shell.tsx';
import { APP_ROUTES } from '../routes.tsx';

const menu = (paths: string[]) => APP_ROUTES.filter((r) => r.inMenu && paths.includes(r.path));

describe('the menu item a page belongs to', () => {
  const office = menu(['/', '/todo', '/plans', '/findings', '/review', '/reports']);
  const liaison = menu(['/', '/todo', '/plans', '/my-tasks', '/findings']);

  it('is the page itself, or the item whose path the page extends', () => {
    expect(selectedMenuKey(office, '/findings', null)).toBe('/findings');
    expect(selectedMenuKey(office, '/findings/01HX', null)).toBe('/findings');
    expect(selectedMenuKey(office, '/review/01HX', null)).toBe('/review');
    expect(selectedMenuKey(office, '/', null)).toBe('/');
  });

  it('for a task, the ledger it was opened from, else the first that lists tasks', () => {
    expect(selectedMenuKey(liaison, '/tasks/14', '/my-tasks')).toBe('/my-tasks');
    expect(selectedMenuKey(liaison, '/tasks/14', '/plans')).toBe('/plans');
    expect(selectedMenuKey(liaison, '/tasks/14', null)).toBe('/plans');
    expect(selectedMenuKey(office, '/tasks/14', '/findings')).toBe('/plans');
  });

  it('is nothing for a page outside the menu', () => {
    expect(selectedMenuKey(office, '/password', null)).toBeNull();
  });

  it('keeps county-wide administration out of a unit liaison’s menu', () => {
    expect(APP_ROUTES.find((r) => r.path === '/org/units')?.countyWide).toBe(true);
  });
});
