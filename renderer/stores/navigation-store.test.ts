// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { useNavigationStore } from './navigation-store';

const { open, back, home } = useNavigationStore.getState();

beforeEach(() => {
  home();
});

describe('navigation store', () => {
  it('back returns to the screen the user came from', () => {
    open(['alarms']);
    back();
    expect(useNavigationStore.getState().path).toBeNull();
    expect(window.location.hash).toBe('#/');
  });

  it('back walks the menus in reverse', () => {
    open([]);
    open(['communication']);
    open(['communication', 'email']);
    open(['communication', 'email', 'smtp']);
    open(['communication', 'email', 'test-email']);
    back();
    expect(useNavigationStore.getState().path).toEqual(['communication', 'email', 'smtp']);
    back();
    back();
    expect(useNavigationStore.getState().path).toEqual(['communication']);
  });

  it('without history back goes up one level', () => {
    useNavigationStore.setState({ path: ['communication', 'email'], history: [] });
    back();
    expect(useNavigationStore.getState().path).toEqual(['communication']);
    back();
    back();
    expect(useNavigationStore.getState().path).toBeNull();
  });

  it('replace leaves the current place out of the history', () => {
    open([]);
    open(['communication']);
    open(['communication', 'email']);
    open(['communication'], { replace: true });
    back();
    expect(useNavigationStore.getState().path).toEqual([]);
  });

  it('home clears the history', () => {
    open([]);
    open(['device']);
    home();
    back();
    expect(useNavigationStore.getState().path).toBeNull();
    expect(useNavigationStore.getState().history).toEqual([]);
  });

  it('unknown hash path opens the home view', () => {
    window.location.hash = '#/main/nowhere';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useNavigationStore.getState().path).toBeNull();
  });
});
