// The spine as a person uses it, in Chromium: sign up, create a workspace and a board, log out, log in.
import { describe, expect, it } from 'vitest';
import { createWorkspaceInBrowser, launchBrowser, newPerson, signUpInBrowser } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer({ web: true });
const browser = await launchBrowser();

describe('accounts, workspaces and boards in the browser', () => {
  it('sign up, create a workspace and a board, log out, log in and find the board again', async () => {
    const context = await newPerson(browser, server.url);
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('link', { name: 'Зарегистрироваться' }).click();
    await signUpInBrowser(page, { name: 'Соколова Елена Викторовна, методист', email: 'sokolova@gcro.test', password: 'metodist-2026' });
    await createWorkspaceInBrowser(page, 'Педагог для всех');
    await page.waitForURL(/\/workspaces\/[a-z0-9]+$/);

    await page.getByRole('radio', { name: /Дорожная карта/ }).check();
    await page.getByLabel('Название доски').fill('Дорожная карта 2.2');
    await page.getByRole('button', { name: 'Создать доску' }).click();
    // the new board opens, empty, with one thing to do
    await page.waitForURL(/\/boards\/[a-z0-9]+$/);
    await page.getByRole('heading', { name: 'Дорожная карта 2.2', exact: true }).waitFor();
    await page.getByText('Пока нет направлений. Добавьте первое.').waitFor();
    await page.getByTestId('add-section').click();
    expect(await page.getByRole('textbox', { name: 'Направление 1' }).getAttribute('placeholder')).toBe('Название направления');

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL('**/login');
    await page.goto('/workspaces');
    await page.waitForURL(/\/login\?next=/);

    await page.getByLabel('Электронная почта').fill('sokolova@gcro.test');
    await page.getByLabel('Пароль').fill('metodist-2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL('**/workspaces');
    await page.getByRole('link', { name: /Педагог для всех/ }).click();
    await page.getByRole('heading', { name: 'Дорожная карта 2.2', exact: true }).waitFor();
    expect(await page.getByTestId('board').count()).toBe(1);
    await context.close();
  });

  it('a wrong password shows a clear message and keeps the visitor on the login page', async () => {
    const context = await newPerson(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Электронная почта').fill('nobody@gcro.test');
    await page.getByLabel('Пароль').fill('wrong-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Неверная почта или пароль');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('renames and archives a board from the workspace page', async () => {
    const context = await newPerson(browser, server.url);
    const page = await context.newPage();
    await page.goto('/signup');
    await signUpInBrowser(page, { name: 'Координатор', email: 'coord@gcro.test', password: 'coordinator-2026' });
    await createWorkspaceInBrowser(page, 'Сеть наставников');
    await page.getByRole('radio', { name: /Программа/ }).check();
    await page.getByLabel('Название доски').fill('Программа наставничества');
    await page.getByRole('button', { name: 'Создать доску' }).click();
    await page.waitForURL(/\/boards\/[a-z0-9]+$/);
    await page.getByRole('link', { name: /К доскам пространства/ }).click();
    await page.getByRole('button', { name: 'Переименовать: Программа наставничества' }).click();
    await page.getByLabel('Новое название доски «Программа наставничества»').fill('Межфирменное наставничество');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('heading', { name: 'Межфирменное наставничество', exact: true }).waitFor();
    await page.getByRole('button', { name: 'В архив: Межфирменное наставничество' }).click();
    await page.getByText('Досок пока нет.').waitFor();
    await page.getByText('Показать архив (1)').click();
    await page.getByRole('button', { name: 'Вернуть из архива: Межфирменное наставничество' }).waitFor();
    await context.close();
  });
});
