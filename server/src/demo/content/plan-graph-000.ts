// Source 000 (sources/000_*.txt), «План - график на 2021-2022 учебный год. План городской рабочей
// группы ПС „Педагог для всех“»: every event, month, form and partner as written. Statuses are the
// demo's own.
import type { DemoPlanGraph } from './types.ts';

const PRESENTATION = 'Презентация опыта педагогической работы, с которым детские сады готовы поделиться';
const COACHING = 'Коучинг-сессии для молодых специалистов дошкольного образования';
const TRAINING = 'Тренинг по формированию готовности к работе в инклюзивном образовательном пространстве для молодых специалистов';
const SUMMARY = 'Подведение итогов, анализ деятельности. Планирование деятельности МО на 2022-2023 уч. год';
const GTG = ['ГТГ'];

export const planGraph000: DemoPlanGraph = {
  yearStart: 2021,
  months: [
    {
      month: '2021-09',
      events: [
        {
          title: 'Организация деятельности педагогического сообщества «Педагог для всех»',
          form: 'Сбор проблемной группы ГТГ, семинар',
          responsibles: GTG,
          status: 'done',
        },
        {
          title: 'Отбор опыта работы ДОО, для распространения по выбранным направлениям на 2021-2022 учебный год по согласованию с ГЦРО',
          form: 'Сбор группы',
          responsibles: ['ГТГ', 'ГЦРО'],
          status: 'done',
        },
        {
          title: 'Координация и планирование работы методических объединений (педагогических сообществ) специалистов ДОУ города на учебный год',
          form: 'Круглый стол',
          responsibles: ['ГТГ', 'ГЦРО'],
          status: 'done',
        },
      ],
    },
    {
      month: '2021-10',
      events: [
        {
          title: 'Интерфейс страницы педагогического сообщества «Педагог для всех» и наполняемость сайта ГЦРО',
          form: 'Круглый стол',
          responsibles: GTG,
          status: 'done',
        },
        { title: PRESENTATION, form: 'Презентационная площадка', status: 'done' },
      ],
    },
    {
      month: '2021-11',
      events: [
        { title: PRESENTATION, form: 'Презентационная площадка', status: 'done' },
        { title: 'Нормативно-правовые основы сопровождения детей с ОВЗ в ДОО', form: 'Консультация', status: 'done' },
        { title: COACHING, form: 'Презентационная площадка', status: 'done' },
        { title: TRAINING, form: 'Тренинг', responsibles: GTG, status: 'done' },
      ],
    },
    {
      month: '2021-12',
      events: [
        { title: 'Планирование педагогической конференции', form: 'Сбор ГТГ', responsibles: GTG, status: 'done' },
        { title: 'Особенности сопровождения детей с ОВЗ в ДОО', form: 'Консультация', partner: 'ЯГПУ', status: 'done' },
        { title: PRESENTATION, form: 'Презентационная площадка', status: 'done' },
        { title: COACHING, form: 'Презентационная площадка', status: 'done' },
      ],
    },
    {
      month: '2022-01',
      events: [
        { title: 'Отбор материалов для подготовки конференции', form: 'Сбор ГТГ', responsibles: GTG, status: 'done' },
        { title: 'Особенности сопровождения детей с ТНР в ДОО', form: 'Консультация', partner: 'ЯГПУ', status: 'done' },
        { title: PRESENTATION, form: 'Презентационная площадка', status: 'done' },
        { title: COACHING, form: 'Презентационная площадка', status: 'cancelled' },
      ],
    },
    {
      month: '2022-02',
      events: [
        { title: 'Подготовка педагогической конференции', form: 'Сбор ГТГ', responsibles: GTG, status: 'done' },
        { title: 'Особенности сопровождения детей с ЗПР в ДОО', form: 'Консультация', partner: 'ЯГПУ', status: 'done' },
        { title: PRESENTATION, form: 'Презентационная площадка', status: 'done' },
        { title: 'Подготовка материалов конкурса «Моя педагогическая находка»', form: 'Сбор ГТГ', responsibles: GTG, status: 'done' },
        { title: COACHING, form: 'Презентационная площадка', status: 'done' },
        { title: TRAINING, form: 'Тренинг', responsibles: GTG, status: 'in-progress' },
      ],
    },
    {
      month: '2022-03',
      events: [
        { title: 'Организация педагогической конференции', form: 'Сбор ГТГ', responsibles: GTG, status: 'done' },
        { title: PRESENTATION, form: 'Презентационная площадка', status: 'done' },
        { title: COACHING, form: 'Презентационная площадка', status: 'in-progress' },
      ],
    },
    {
      month: '2022-04',
      events: [
        { title: PRESENTATION, form: 'Презентационная площадка', status: 'in-progress' },
        { title: 'Педагогическая конференция «Профессия – педагог-дошкольник»', form: 'Конференция', status: 'planned' },
        { title: 'Конкурс «Моя педагогическая находка»', form: 'Конкурс', status: 'planned' },
      ],
    },
    {
      month: '2022-05',
      events: [
        { title: 'Подготовка и проведение анкетирования педагогов по итогам года', form: 'Сбор ГТГ', responsibles: GTG, status: 'planned' },
        { title: 'Анкетирование педагогов, участников МО', form: 'Анкетирование', status: 'planned' },
        { title: 'Создание консультационных центров на базе ДОО для педагогов по педагогическим направлениям работы', form: 'Центры', status: 'planned' },
        { title: SUMMARY, form: 'Сбор ГТГ', responsibles: GTG, status: 'planned' },
        { title: SUMMARY, form: 'Круглый стол', status: 'planned' },
      ],
    },
  ],
};
