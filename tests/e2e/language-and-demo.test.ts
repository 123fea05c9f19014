// Russian first, English one click away; the demo login on the login page leads into the demo workspace.
import { describe, expect, it } from 'vitest';
import { launchBrowser, newPerson } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer({ web: true, demo: true });
const browser = await launchBrowser();

describe('language and demo mode', () => {
  it('speaks Russian by default, English after one click, and remembers the choice', async () => {
    const context = await newPerson(browser, server.url, 'en-US');
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Вход в Soplan', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await page.getByRole('button', { name: 'Switch the interface to English' }).click();
    await page.getByRole('heading', { name: 'Log in to Soplan', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Log in to Soplan', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Переключить интерфейс на русский' }).click();
    await page.getByRole('heading', { name: 'Вход в Soplan', exact: true }).waitFor();
    await context.close();
  });

  it('shows the demo login on the login page and it opens «Педагог для всех» with its four boards', async () => {
    const context = await newPerson(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    const email = await page.getByTestId('demo-email').textContent();
    expect(email).toBe('demo@soplan.local');
    await page.getByRole('button', { name: 'Подставить демо-вход' }).click();
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL('**/workspaces');
    await page.getByRole('link', { name: /Педагог для всех/ }).click();
    await page.getByRole('heading', { name: 'Педагог для всех', exact: true }).waitFor();
    await page.getByTestId('board').first().waitFor();
    expect(await page.getByTestId('board').count()).toBe(4);
    await page.getByRole('tab', { name: 'Организации' }).click();
    await page.getByText('МДОУ № 228').waitFor();
    await page.getByText('ЯГПУ', { exact: false }).first().waitFor();
    await context.close();
  });
});
