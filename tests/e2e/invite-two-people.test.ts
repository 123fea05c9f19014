// Two people in two browser contexts: a coordinator invites a colleague by link, the colleague joins.
import { describe, expect, it } from 'vitest';
import { createWorkspaceInBrowser, launchBrowser, newPerson, signUpInBrowser } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer({ web: true });
const browser = await launchBrowser();

describe('inviting a colleague', () => {
  it('the coordinator creates an editor link; the colleague signs up through it and lands in the workspace', async () => {
    const coordinator = await newPerson(browser, server.url);
    const page = await coordinator.newPage();
    await page.goto('/signup');
    await signUpInBrowser(page, { name: 'Морозова Наталья Ивановна', email: 'morozova@mdou144.test', password: 'rukovoditel-144' });
    await createWorkspaceInBrowser(page, 'ГТГ старших воспитателей');
    await page.getByRole('tab', { name: 'Участники' }).click();
    await page.getByLabel('Роль приглашённого').selectOption('editor');
    await page.getByRole('button', { name: 'Создать ссылку' }).click();
    const link = await page.getByLabel('Ссылка-приглашение').inputValue();
    expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);

    const colleague = await newPerson(browser, server.url);
    const other = await colleague.newPage();
    await other.goto(link);
    await other.getByText('Вас приглашают в пространство «ГТГ старших воспитателей» с ролью «редактор».').waitFor();
    await other.getByRole('link', { name: 'Зарегистрироваться' }).click();
    await signUpInBrowser(other, { name: 'Петрова Ольга Николаевна', email: 'petrova@mdou8.test', password: 'vospitatel-008' }, /\/invite\//);
    await other.getByRole('button', { name: 'Принять приглашение' }).click();
    await other.getByRole('heading', { name: 'ГТГ старших воспитателей', exact: true }).waitFor();
    await other.getByText('Ваша роль: редактор').waitFor();

    await page.reload();
    await page.getByText('Петрова Ольга Николаевна', { exact: true }).waitFor();
    expect(await page.getByLabel('Роль участника Петрова Ольга Николаевна').inputValue()).toBe('editor');
    await coordinator.close();
    await colleague.close();
  });

  it('someone who is not a member sees «not found» for the workspace page', async () => {
    const owner = server.client();
    await owner.post('/api/auth/signup', { email: 'owner@x.test', password: 'owner-password', name: 'Владелец' });
    const ws = (await owner.post('/api/workspaces', { name: 'Закрытая сеть' })).body;
    const stranger = await newPerson(browser, server.url);
    const page = await stranger.newPage();
    await page.goto('/signup');
    await signUpInBrowser(page, { name: 'Посторонний', email: 'stranger@x.test', password: 'stranger-password' });
    await page.goto(`/workspaces/${ws.id}`);
    await page.getByText('Не найдено или нет доступа.').waitFor();
    expect(await page.getByText('Закрытая сеть').count()).toBe(0);
    await stranger.close();
  });
});
