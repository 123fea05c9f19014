// The page words every error from its code and parameters in the chosen language (U6), the name rule
// included (U5); the settings page offers to revoke API tokens with a password change (U2); the members
// panel makes single-use and capped invite links and shows the places left (U4).
import { describe, expect, it } from 'vitest';
import { createWorkspaceInBrowser, launchBrowser, newPerson, signUpInBrowser } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer({ web: true });
const browser = await launchBrowser();

describe("errors in the reader's language, tokens revoked with a password, capped invites", () => {
  it("[U6] [U5] a duplicate organisation and an invisible name are worded in Russian, then in English, never in the server's English", async () => {
    const context = await newPerson(browser, server.url);
    const page = await context.newPage();
    await page.goto('/signup');
    await signUpInBrowser(page, { name: 'Смирнова Елена Викторовна', email: 'smirnova@gcro.test', password: 'metodist-gcro-1' });
    await createWorkspaceInBrowser(page, 'Сеть наставников');
    await page.getByRole('tab', { name: 'Организации' }).click();
    const add = async (name: string, label = 'Название организации', button = 'Добавить') => {
      await page.getByLabel(label).fill(name);
      await page.getByRole('button', { name: button, exact: true }).click();
    };
    await add('МОУ ГЦРО');
    await page.getByText('Организаций: 1').waitFor();
    await add('МОУ ГЦРО');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toBe('Организация «МОУ ГЦРО» уже есть в этом пространстве.');

    await add('\u200b\u2060\u200b');
    await page.getByText('Название организации: нужен хотя бы один видимый символ: одни пробелы и невидимые символы не годятся.').waitFor();
    await add('МДОУ\u202e8 №');
    await page.getByText('Название организации: уберите символы управления направлением текста: они могут перевернуть текст на странице.').waitFor();

    await page.getByRole('button', { name: 'Switch the interface to English' }).click();
    await add('МОУ ГЦРО', 'Organisation name', 'Add');
    await page.getByText('The organisation «МОУ ГЦРО» is already in this workspace.').waitFor();
    expect(await page.getByText('already exists').count()).toBe(0);
    await page.getByRole('button', { name: 'Переключить интерфейс на русский' }).click();
    await context.close();
  });

  it('[U2] the password form offers to revoke the API tokens; checked, they stop working', async () => {
    const context = await newPerson(browser, server.url);
    const page = await context.newPage();
    await page.goto('/signup');
    await signUpInBrowser(page, { name: 'Кузнецов Игорь', email: 'kuznetsov@school12.test', password: 'uchitel-school-12' });
    await page.goto('/settings');
    await page.getByLabel('Назначение токена').fill('Выгрузка для сайта');
    await page.getByRole('button', { name: 'Создать токен' }).click();
    const token = (await page.getByTestId('new-token').textContent())!;
    expect((await server.client().get('/api/me', { token })).status).toBe(200);

    await page.getByLabel('Текущий пароль').fill('uchitel-school-12');
    await page.getByLabel('Новый пароль').fill('novyi-parol-2026');
    await page.getByLabel('Отозвать и все токены API (1): скрипты с ними сразу потеряют доступ').check();
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await page.getByText('Пароль изменён. Другие сеансы завершены, токены API отозваны.').waitFor();
    await page.getByText('Токенов нет.').waitFor();
    expect((await server.client().get('/api/me', { token })).status).toBe(401);
    await context.close();
  });

  it('[U4] the members panel makes a single-use link by default and a capped one on request, showing the places left', async () => {
    const context = await newPerson(browser, server.url);
    const page = await context.newPage();
    await page.goto('/signup');
    await signUpInBrowser(page, { name: 'Орлова Анна', email: 'orlova@gcro.test', password: 'koordinator-1' });
    await createWorkspaceInBrowser(page, 'ГТГ учителей физики');
    await page.getByRole('tab', { name: 'Участники' }).click();
    await page.getByRole('button', { name: 'Создать ссылку' }).click();
    await page.getByRole('listitem').filter({ hasText: 'одноразовая' }).waitFor();
    await page.getByLabel('Сколько человек может присоединиться').fill('5');
    await page.getByRole('button', { name: 'Создать ссылку' }).click();
    await page.getByRole('listitem').filter({ hasText: 'осталось 5 мест из 5' }).waitFor();
    const link = await page.getByLabel('Ссылка-приглашение').inputValue();

    const guest = await newPerson(browser, server.url);
    const other = await guest.newPage();
    await other.goto(link);
    await other.getByRole('link', { name: 'Зарегистрироваться' }).click();
    await signUpInBrowser(other, { name: 'Белов Павел', email: 'belov@school3.test', password: 'uchitel-fiziki-3' }, /\/invite\//);
    await other.getByRole('button', { name: 'Принять приглашение' }).click();
    await other.getByText('Ваша роль: редактор').waitFor();

    await page.reload();
    await page.getByRole('tab', { name: 'Участники' }).click();
    await page.getByRole('listitem').filter({ hasText: 'осталось 4 места из 5' }).waitFor();

    await page.getByLabel('Сколько человек может присоединиться').fill('501');
    await page.getByRole('button', { name: 'Создать ссылку' }).click();
    await page.getByText('Сколько человек может присоединиться: слишком много: можно не больше 500.').waitFor();
    await guest.close();
    await context.close();
  });
});
